/** The platform's configuration: one typed mapping under the {@code zeroscale.} prefix. */
package io.zeroscale.platform.config;
