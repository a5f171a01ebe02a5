/** Jobs over HTTP: submit (delegated to {@code submit}), read one, list, and list labels. */
package io.printrelay.function.jobs;
