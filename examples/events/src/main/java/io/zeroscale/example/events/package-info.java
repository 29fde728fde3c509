/**
 * The {@code events} example: a CloudEvents function on function-runtime's {@link
 * io.zeroscale.runtime.events.EventFunction} that answers a greet event with a greeting event.
 */
package io.zeroscale.example.events;
