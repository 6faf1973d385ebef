/**
 * The command line ({@code java -jar enrollment.jar}): {@code run} replays scenario files, {@code simulate}
 * plays a generated season, {@code check-rules} tries a folder of edited rules, {@code impact} shows what
 * publishing them would do to a season; and the embedding example.
 */
package org.enrollment.examples;
