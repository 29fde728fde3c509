/**
 * Load and waiting requests reported across platform instances: every data-path instance serves its
 * running load totals and a stream of its pokes on the control port ({@link
 * io.zeroscale.platform.peers.PeerEndpoints}); the leading autoscaler reads every instance it
 * discovers ({@link io.zeroscale.platform.peers.DataPathPeers}).
 */
package io.zeroscale.platform.peers;
