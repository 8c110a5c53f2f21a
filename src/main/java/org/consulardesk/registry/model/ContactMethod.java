package org.consulardesk.registry.model;

/**
 * A way to reach the person. Phones are stored in E.164 ({@code +254712345678}).
 *
 * @param app for messaging: WhatsApp, Signal, Telegram, Viber, ...
 */
public record ContactMethod(ContactKind kind, String value, String app, boolean preferred) {
}
