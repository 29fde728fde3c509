/**
 * The data path's one entry point, {@link io.zeroscale.datapath.DataPath}: router and activator
 * started together on a given {@code Vertx}. It lives in the activator module because that module
 * sits on top (activator depends on router, never the reverse).
 */
package io.zeroscale.datapath;
