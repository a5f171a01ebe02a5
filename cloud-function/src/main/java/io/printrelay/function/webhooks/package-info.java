/**
 * Print jobs from Odoo without code: intake profiles (printer, template, which webhook field fills
 * which placeholder, how many labels), each reached by its own secret token at {@code POST
 * /v1/intake/odoo/{token}}, where Odoo's "Send Webhook Notification" posts a record's fields. Each
 * event is recorded once per record state, then made into jobs through the submit path.
 */
package io.printrelay.function.webhooks;
