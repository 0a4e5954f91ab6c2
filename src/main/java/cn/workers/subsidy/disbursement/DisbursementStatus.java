package cn.workers.subsidy.disbursement;

public enum DisbursementStatus {
    PENDING, PAID
}
