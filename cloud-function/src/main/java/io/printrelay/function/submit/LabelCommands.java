package io.printrelay.function.submit;

import io.printrelay.function.problem.FieldError;
import io.printrelay.function.security.Capability;
import io.printrelay.zpl.ZplCommands;
import io.printrelay.zpl.ZplCommands.Command;
import io.printrelay.zpl.ZplCommands.Kind;
import java.util.List;
import java.util.Set;

/**
 * What a submitting key's labels may carry (docs/api.md#printer-commands), by {@link ZplCommands}'
 * rules, checked on the ZPL as it will be sent: a template, each rendered label, each {@code zpl}
 * label and each format of a {@code zplDocument}. Commands that make the printer answer the host,
 * and prefix changes, never pass: the agent would read the answer as the printer's status after its
 * own {@code ~HS}, and a new prefix would hide commands from this check. Commands that change the
 * printer beyond the label pass with {@link Capability#PRINTER_CONFIG}; {@code raw} labels, which
 * no one can check, need {@link Capability#RAW}.
 */
public final class LabelCommands {
  private final Set<Capability> capabilities;

  /**
   * What this rule says of a template stored for later submits without capabilities (an intake
   * profile's): each refused command on {@code path}, as a submit of it would name them.
   */
  public static List<FieldError> refusedInTemplate(String zpl, String path) {
    FieldErrors errors = new FieldErrors();
    new LabelCommands(Set.of()).allow(zpl, path, "", errors);
    return errors.list();
  }

  LabelCommands(Set<Capability> capabilities) {
    this.capabilities = Set.copyOf(capabilities);
  }

  /**
   * True when this ZPL may be sent; else reports why on {@code path}.
   *
   * @param context starts each message, naming the part of the field ("format 2: "), or ""
   */
  boolean allow(String zpl, String path, String context, FieldErrors errors) {
    List<Command> found = ZplCommands.restricted(zpl);
    boolean allowed = true;
    for (Kind kind : Kind.values()) {
      List<Command> refused =
          found.stream()
              .filter(command -> command.kind() == kind)
              .filter(command -> !(kind == Kind.PRINTER_CONFIG && may(Capability.PRINTER_CONFIG)))
              .toList();
      if (!refused.isEmpty()) {
        errors.add(path, context + message(kind, refused));
        allowed = false;
      }
    }
    return allowed;
  }

  /** True when the key may send raw labels; else reports it on {@code path}. */
  boolean allowRaw(String path, FieldErrors errors) {
    if (may(Capability.RAW)) {
      return true;
    }
    errors.add(
        path,
        "raw labels need an API key with capability "
            + Capability.RAW.configName()
            + ": their bytes go to the printer unchecked");
    return false;
  }

  private boolean may(Capability capability) {
    return capabilities.contains(capability);
  }

  private static String message(Kind kind, List<Command> commands) {
    String names = String.join(", ", commands.stream().map(Command::name).toList());
    boolean one = commands.size() == 1;
    return switch (kind) {
      case HOST_REPLY ->
          names
              + (one ? " makes" : " make")
              + " the printer answer the host, and the agent would read that answer as the"
              + " printer's status; to print ^ or ~ as text, send the field with ^FH (_5E, _7E)";
      case PREFIX_CHANGE ->
          names
              + (one ? " changes" : " change")
              + " the command prefixes, which would hide later commands from this check";
      case PRINTER_CONFIG ->
          names
              + (one ? " changes" : " change")
              + " the printer beyond this label (settings, network, passwords, stored files,"
              + " resets); only an API key with capability "
              + Capability.PRINTER_CONFIG.configName()
              + " may send "
              + (one ? "it" : "them");
    };
  }
}
