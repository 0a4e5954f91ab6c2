package cn.workers.subsidy.worker;

import cn.workers.subsidy.vocabulary.Level;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.workers.subsidy.vocabulary.EmployerKind;
@Input("WorkerProfileInput")
public record WorkerProfileInput(@NonNull String name, @NonNull String idNumber, @NonNull String phone,
        @NonNull String unionMemberNo, @NonNull String employer, @NonNull EmployerKind employerKind,
        @NonNull Boolean frontline, @NonNull String orgUnitCode, @NonNull Level educationLevel, Level skillGrade) {

    @Override
    public String toString() {
        return "WorkerProfileInput[personal data withheld]";
    }
}
