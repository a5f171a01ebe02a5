/**
 * Operators acting on jobs: pause, resume, cancel, reprint and change priority. Each is a small use
 * case over {@link io.printrelay.function.actions.JobActionStore}; every status write is
 * conditional on the status just read, and a new job (resume of a failed job, reprint) enters
 * through the same path as a submit.
 */
package io.printrelay.function.actions;
