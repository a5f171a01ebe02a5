/**
 * Submitting a print job: reading and validating the request, rendering its labels, and the one
 * path every new job takes ({@link io.printrelay.function.submit.JobIntake}, also used by resume
 * and reprint): the labels, then the job, then its message on its priority's queue.
 */
package io.printrelay.function.submit;
