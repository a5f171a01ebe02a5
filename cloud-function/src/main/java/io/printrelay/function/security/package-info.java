/** Who may call the API: bearer API keys checked against configured SHA-256 hashes, and roles. */
package io.printrelay.function.security;
