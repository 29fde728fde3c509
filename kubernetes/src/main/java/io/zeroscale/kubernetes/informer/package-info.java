/**
 * Plumbing shared by the informer-backed views: the namespace scope and a two-callback adapter for
 * Fabric8's informer handlers (ordered delivery of SPI events is {@code api}'s {@code
 * OrderedDelivery}, shared with the local backend).
 */
package io.zeroscale.kubernetes.informer;
