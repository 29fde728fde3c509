/**
 * The controller of the Kubernetes backend: a work queue fed by informers, and a reconcile that is
 * a chain of named, idempotent steps (valid spec, Service, Deployment, status). The wanted objects
 * and the status conditions are computed by pure classes, tested with tables.
 */
package io.zeroscale.kubernetes.reconcile;
