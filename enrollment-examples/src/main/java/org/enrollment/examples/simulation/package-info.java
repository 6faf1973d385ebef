/**
 * The season simulator: a plausible Beijing season (16 districts, about 170,000 children) generated from a seed
 * and played, command by command in time order, against a registry; with the per-district funnel it leaves.
 */
package org.enrollment.examples.simulation;
