package cn.workers.subsidy.org;

import cn.workers.subsidy.common.error.DomainException;

import java.util.regex.Pattern;

import cn.workers.subsidy.vocabulary.OrgUnitKind;
/** One unit of an import, trimmed and checked on its own (VALIDATION naming the field); its name was checked by its annotation. */
public record OrgImportItem(String code, String name, OrgUnitKind kind, String parentCode) {

    static final int MAX_CODE = 32;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    static OrgImportItem of(OrgUnitInput u) {
        String code = u.code() == null ? "" : u.code().strip();
        if (code.isEmpty() || code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
            throw DomainException.validation("code", "an org unit code is 1 to " + MAX_CODE + " letters, digits, '-', '_' or '.'");
        }
        String name = u.name().strip();
        if (u.kind() == null) {
            throw DomainException.validation("kind", "org unit " + code + " needs a kind");
        }
        String parent = u.parentCode() == null || u.parentCode().isBlank() ? null : u.parentCode().strip();
        if (u.kind() == OrgUnitKind.PROVINCE && parent != null) {
            throw DomainException.validation("parentCode", "the PROVINCE unit " + code + " has no parent");
        }
        if (u.kind() != OrgUnitKind.PROVINCE && parent == null) {
            throw DomainException.validation("parentCode", "org unit " + code + " needs a parent");
        }
        return new OrgImportItem(code, name, u.kind(), parent);
    }
}
