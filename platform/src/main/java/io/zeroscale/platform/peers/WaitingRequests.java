package io.zeroscale.platform.peers;

import io.zeroscale.api.function.FunctionKey;

/**
 * One line of a data-path instance's poke stream: requests wait there for a function.
 *
 * @param key the function
 * @param queued how many wait now
 */
record WaitingRequests(FunctionKey key, int queued) {}
