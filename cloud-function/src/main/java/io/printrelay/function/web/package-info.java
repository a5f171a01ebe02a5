/**
 * What a browser loads without signing in: the operator web view ({@code GET /} and its two assets)
 * and the OpenAPI document ({@code GET /openapi.yml}), with headers that keep them from being
 * framed, sniffed or cached stale.
 */
package io.printrelay.function.web;
