package cn.workers.subsidy.worker;

import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.org.OrgUnit;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import cn.workers.subsidy.vocabulary.EmployerKind;
/**
 * A worker's profile as the API shows it. {@code phone} is the full number only for the owner
 * and the academy of an approved course; everyone else gets the masked form. The same holds for
 * {@code idNumber}: the full number for those two, the masked form for everyone else.
 */
@Type("Worker")
public record Worker(@Id @NonNull String id, @NonNull String name, @NonNull String idNumberMasked, @NonNull String phone,
        @NonNull String unionMemberNo, @NonNull String employer, @NonNull EmployerKind employerKind, @NonNull boolean frontline,
        @NonNull OrgUnit orgUnit, @NonNull Level educationLevel, Level skillGrade,
        @NonNull String idNumber) {
}
