package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.academy.AcademyRepository;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The academy an academy client speaks for, from its token's academy_code: FORBIDDEN when missing or unknown. */
@ApplicationScoped
public class CallingAcademy {

    private final AcademyRepository academies;

    CallingAcademy(AcademyRepository academies) {
        this.academies = academies;
    }

    /** The academy's id; call inside a session. */
    public Uni<Long> id(Caller caller) {
        String code = caller.requireAcademy();
        return academies.findByCode(code).map(a -> {
            if (a == null) {
                throw DomainException.forbidden("the token's academy_code is not a registered academy");
            }
            return a.id;
        });
    }
}
