/** {@code GET /}: the operator web view (for now a page saying where the API is). */
package io.printrelay.function.web;
