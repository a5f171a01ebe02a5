/**
 * Reading jobs over HTTP: one job, a list of jobs, a job's labels, each as a view with its place in
 * its printer's queue. Submitting is {@code submit}; acting on jobs is {@code actions}.
 */
package io.printrelay.function.jobs;
