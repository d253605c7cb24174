package dev.hindsight.model;

import java.util.OptionalLong;

/**
 * The measured impact of an incident, as far as it is known.
 */
public record Impact(OptionalLong usersAffected, java.util.Optional<Boolean> customerFacing, OptionalLong supportTickets) {

    /** Impact with nothing known. */
    public static final Impact UNKNOWN = new Impact(OptionalLong.empty(), java.util.Optional.empty(), OptionalLong.empty());

    public Impact {
        Validate.notNull(usersAffected, "usersAffected");
        Validate.notNull(customerFacing, "customerFacing");
        Validate.notNull(supportTickets, "supportTickets");
    }
}
