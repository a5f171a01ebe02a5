/**
 * Submitting a print job: reading and validating the request, rendering its labels, storing the
 * labels then the job, and announcing it on its priority's queue.
 */
package io.printrelay.function.submit;
