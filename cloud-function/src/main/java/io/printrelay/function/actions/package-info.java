/**
 * Operators acting on jobs: pause, resume, cancel, reprint and change priority. Each is a small use
 * case: it reads the job ({@code reads.Reads}), decides with the job state machine ({@code
 * JobEvent.apply}, whose refusal is the 409), and writes through {@link
 * io.printrelay.function.actions.JobActionStore} conditionally on the status it decided on. A job
 * queued again is sent by the {@code dispatch.Dispatcher}; a new job (resume of a failed job,
 * reprint) enters through {@code intake}, as a submit does.
 */
package io.printrelay.function.actions;
