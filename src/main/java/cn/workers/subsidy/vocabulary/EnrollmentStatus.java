package cn.workers.subsidy.vocabulary;

public enum EnrollmentStatus {
    ENROLLED, DROPPED, COMPLETED
}
