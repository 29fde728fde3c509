/**
 * Plumbing shared by the informer-backed views: the namespace scope, ordered delivery of SPI events
 * on a thread of their own, and a two-callback adapter for Fabric8's informer handlers.
 */
package io.zeroscale.kubernetes.informer;
