/**
 * The controller of the Kubernetes backend: a work queue fed by informers, and a reconcile that is
 * a chain of named, idempotent steps (valid spec, Service, Deployment, status). The wanted objects
 * and the status conditions are computed by pure classes, tested with tables; a Kafka trigger's
 * state comes in through {@link io.zeroscale.kubernetes.reconcile.TriggerHealth} and is resynced
 * periodically, since it changes without any Kubernetes event.
 */
package io.zeroscale.kubernetes.reconcile;
