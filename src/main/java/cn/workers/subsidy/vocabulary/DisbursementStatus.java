package cn.workers.subsidy.vocabulary;

public enum DisbursementStatus {
    PENDING, PAID
}
