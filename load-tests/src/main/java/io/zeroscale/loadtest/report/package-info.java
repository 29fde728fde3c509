/**
 * How results are shown: a readable table on the console, JSON for machines, and a self-contained
 * HTML page with inline SVG charts (no scripts, no external files) next to the JSON.
 */
package io.zeroscale.loadtest.report;
