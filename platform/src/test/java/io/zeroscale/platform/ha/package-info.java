/**
 * Two packaged platforms on the Kubernetes backend against one API server (failsafe, after the jar
 * is built): which instance scales, and the hand-over of the lead.
 */
package io.zeroscale.platform.ha;
