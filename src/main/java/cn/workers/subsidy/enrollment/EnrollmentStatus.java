package cn.workers.subsidy.enrollment;

public enum EnrollmentStatus {
    ENROLLED, DROPPED, COMPLETED
}
