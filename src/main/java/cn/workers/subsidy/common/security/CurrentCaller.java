package cn.workers.subsidy.common.security;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.stream.Collectors;

import cn.workers.subsidy.vocabulary.Roles;
import cn.workers.subsidy.common.security.Caller;
/** Builds the {@link Caller} of the current request from its verified token. */
@RequestScoped
public class CurrentCaller {

    private static final Set<String> CONTRACT_ROLES = Set.of(Roles.WORKER, Roles.REVIEWER, Roles.ADMIN,
            Roles.FINANCE, Roles.ACADEMY, Roles.AUDITOR);

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = from(identity);
        }
        return caller;
    }

    /** The caller, who must hold {@code role}: UNAUTHENTICATED without a token, FORBIDDEN without the role. */
    public Caller require(String role) {
        Caller c = get();
        if (!c.has(role)) {
            throw DomainException.forbidden("this needs the " + role + " role");
        }
        return c;
    }

    public static Caller from(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        Set<String> roles = identity.getRoles().stream().filter(CONTRACT_ROLES::contains).collect(Collectors.toUnmodifiableSet());
        String orgUnit = null;
        String academy = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            orgUnit = stringClaim(jwt, "org_unit");
            academy = stringClaim(jwt, "academy_code");
        }
        return new Caller(subject(identity), roles, orgUnit, academy);
    }

    private static String subject(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private static String stringClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        String s = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        return s.isBlank() ? null : s;
    }
}
