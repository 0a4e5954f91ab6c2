package cn.workers.subsidy.worker;

import cn.workers.subsidy.common.error.PlainText;
import cn.workers.subsidy.vocabulary.Level;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.workers.subsidy.vocabulary.EmployerKind;
@Input("WorkerProfileInput")
public record WorkerProfileInput(@NonNull @PlainText(max = 50) String name, @NonNull String idNumber,
        @NonNull @PlainText(max = 20) String phone, @NonNull @PlainText(max = 64) String unionMemberNo,
        @NonNull @PlainText(max = 200) String employer, @NonNull EmployerKind employerKind,
        @NonNull Boolean frontline, @NonNull @PlainText(max = 32) String orgUnitCode, @NonNull Level educationLevel, Level skillGrade) {

    @Override
    public String toString() {
        return "WorkerProfileInput[personal data withheld]";
    }
}
