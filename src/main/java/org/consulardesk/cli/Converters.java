package org.consulardesk.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.consulardesk.core.Messages;
import org.consulardesk.security.model.Role;
import org.consulardesk.store.model.RegistryKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values written the command-line way (lower case, dashes) for enums of the services. */
final class Converters {
    private Converters() {
    }

    static String cliName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return Stream.of(Role.values()).filter(r -> cliName(r).equals(value.strip().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException(Messages.get("cli.option.invalidChoice", value,
                            String.join(", ", new RoleNames()))));
        }
    }

    static final class RoleNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(Role.values()).map(Converters::cliName).iterator();
        }
    }

    /** The kinds {@code init} creates; training registries are made by the exercise feature. */
    static final class KindConverter implements ITypeConverter<RegistryKind> {
        @Override
        public RegistryKind convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "post" -> RegistryKind.POST;
                case "hq" -> RegistryKind.HQ;
                default -> throw new TypeConversionException(Messages.get("cli.option.invalidChoice", value,
                        String.join(", ", new KindNames())));
            };
        }
    }

    static final class KindNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("post", "hq").iterator();
        }
    }
}
