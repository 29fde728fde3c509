/**
 * The CLI on a cluster ({@code --kubernetes}): the same commands read and write {@code Function}
 * custom resources, pods and pod logs through a kubeconfig context with the Fabric8 client, instead
 * of the platform's control API. API failures become one message that says what to fix.
 */
package io.zeroscale.cli.cluster;
