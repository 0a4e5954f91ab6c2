package cn.workers.subsidy.common.security;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.error.GraphQLRequestGuard;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
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
            caller = resolve();
        }
        return caller;
    }

    private static final String CALLER = CurrentCaller.class.getName();

    /**
     * Once per request, never blocking. An HTTP request's identity was established before any resolver ran
     * (proactive authentication) and sits on its routing context: it is read from there, and the caller is kept
     * on the routing context for the rest of the request. Asking the injected SecurityIdentity instead is a
     * blocking call when the request's CDI context has been replaced: a client that disconnects mid-request
     * left every later resolver failing with "The current thread cannot be blocked". Subscriptions (WebSocket,
     * the token possibly in connection_init) keep asking the injected identity, which is set for them.
     */
    private Caller resolve() {
        RoutingContext request = GraphQLRequestGuard.currentRequest();
        if (request == null) {
            return from(identity);
        }
        Object known = request.get(CALLER);
        if (known instanceof Caller c) {
            return c;
        }
        if (known instanceof DomainException refused) {
            throw refused;
        }
        SecurityIdentity established = request.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        try {
            Caller c = from(established);
            request.put(CALLER, c);
            return c;
        } catch (DomainException refused) {
            request.put(CALLER, refused);
            throw refused;
        }
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
