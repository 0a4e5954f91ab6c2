package cn.workers.subsidy.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CampaignRepository implements PanacheRepository<CampaignEntity> {
}
