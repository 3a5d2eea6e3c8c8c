package org.loredigest.mail.kind;

import java.util.List;

/**
 * Bot facts of a message.
 *
 * @param bot      which bot sent it, or which bot the commands address
 * @param type     what the mail is about
 * @param extId    syzbot bug id ({@code syzbot+<extid>@...}), or empty
 * @param commands {@code #syz ...} command lines, in order
 */
public record BotMail(Bot bot, BotMailType type, String extId, List<String> commands) {
}
