package cn.workers.subsidy.academy;

import cn.workers.subsidy.common.error.PlainText;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import cn.workers.subsidy.vocabulary.AcademyKind;
/** A new academy: a BRANCH names its HEADQUARTERS in {@code parentCode}. */
@Input("AcademyInput")
public record AcademyInput(@NonNull String code, @NonNull @PlainText(max = 200) String name, @NonNull AcademyKind kind, String parentCode,
        @NonNull String orgUnitCode) {
}
