/**
 * Who may call the API: bearer API keys checked against configured SHA-256 hashes, operator
 * accounts with PBKDF2 password hashes, and the roles both carry (integration, operator, viewer).
 */
package io.printrelay.function.security;
