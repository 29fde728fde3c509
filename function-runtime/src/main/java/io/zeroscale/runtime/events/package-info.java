/**
 * CloudEvents over HTTP: an application's {@link io.zeroscale.runtime.events.EventFunction} bean is
 * served in binary and structured content mode with the CloudEvents Java SDK. The Kafka trigger
 * binding (a later issue) is meant to call the same bean for each record, so one function serves
 * both transports.
 */
package io.zeroscale.runtime.events;
