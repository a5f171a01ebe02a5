/**
 * The one path every new job takes, for a submit as for a resume or reprint ({@link
 * io.printrelay.function.intake.JobIntake}): its labels, then the job with its idempotency claim,
 * then its first dispatch; and the labels of a new job, with where a copied one came from.
 */
package io.printrelay.function.intake;
