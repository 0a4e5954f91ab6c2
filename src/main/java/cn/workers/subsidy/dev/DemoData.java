package cn.workers.subsidy.dev;

import cn.workers.subsidy.academy.AcademyService;
import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.vocabulary.CampaignStatus;
import cn.workers.subsidy.course.CourseService;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.quota.QuotaService;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.vocabulary.Roles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Dev profile only: fills an empty database with the demo province (浙江省总工会, its cities,
 * counties, townships and workplace unions, provincial industry unions), the craftsman academies,
 * this year's OPEN campaign with standards, pools for every city and industry union, and courses for
 * every target level. Everything goes through the services, as the province administrator, in one
 * transaction: it is all there or nothing is. Runs at startup when the tree has no unit, so restarts
 * and hot reloads leave the data alone. Demo workers get no profile: they create it themselves.
 * Turn off with {@code subsidy.dev.demo-data=false}.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final Caller LOADER = new Caller("demo-loader", Set.of(Roles.ADMIN), "330000", null);

    private final boolean enabled;
    private final OrgUnitService orgUnitRepository;
    private final OrgUnitService orgUnits;
    private final AcademyService academies;
    private final CampaignService campaigns;
    private final QuotaService quotas;
    private final CourseService courses;

    DemoData(@ConfigProperty(name = "subsidy.dev.demo-data", defaultValue = "true") boolean enabled, OrgUnitService orgUnitRepository,
            OrgUnitService orgUnits, AcademyService academies, CampaignService campaigns, QuotaService quotas, CourseService courses) {
        this.enabled = enabled;
        this.orgUnitRepository = orgUnitRepository;
        this.orgUnits = orgUnits;
        this.academies = academies;
        this.campaigns = campaigns;
        this.quotas = quotas;
        this.courses = courses;
    }

    /** Startup runs on the main thread, so waiting here blocks no event loop. */
    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            String outcome = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::loadIntoEmptyTree));
            LOG.info(outcome);
        } catch (Throwable t) {
            LOG.error("The demo data could not be loaded; the database was left as it was", t);
        }
    }

    Uni<String> loadIntoEmptyTree() {
        return orgUnitRepository.count().flatMap(units -> units > 0
                ? Uni.createFrom().item("Demo data: the org tree already has " + units + " units, nothing loaded")
                : load());
    }

    private Uni<String> load() {
        DemoFiles.Programme programme = DemoFiles.programme();
        return orgUnits.importUnits(LOADER, DemoFiles.orgUnits())
                .flatMap(imported -> each(DemoFiles.academies(), a -> academies.register(LOADER, a))
                        .flatMap(ignored -> campaigns.create(LOADER, programme.campaign()))
                        .flatMap(campaign -> campaigns.move(LOADER, campaign.id(), CampaignStatus.OPEN))
                        .flatMap(campaign -> each(programme.quotas(campaign.id()), q -> quotas.allocate(LOADER, q))
                                .flatMap(ignored -> each(programme.courses(campaign.id()), c -> courses.create(LOADER, c)))
                                .map(ignored -> "Demo data loaded: " + imported.created() + " org units, " + DemoFiles.academies().size()
                                        + " academies, campaign " + campaign.id() + " '" + campaign.name() + "' OPEN with "
                                        + programme.quotas(campaign.id()).size() + " quota pools and "
                                        + programme.courses(campaign.id()).size() + " courses")));
    }

    /** Runs {@code step} for each item, one after the other in the same session. */
    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.flatMap(ignored -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
