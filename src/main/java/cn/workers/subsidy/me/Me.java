package cn.workers.subsidy.me;

import cn.workers.subsidy.academy.Academy;
import cn.workers.subsidy.org.OrgUnit;
import cn.workers.subsidy.worker.Worker;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** The caller as the server sees them: subject, roles and scope, and their own profile if a worker. */
@Type("Me")
public record Me(@NonNull String subject, @NonNull List<@NonNull String> roles, OrgUnit orgUnit, Academy academy, Worker worker) {
}
