import GuongKit

extension SiteIdentity {
    /// `{{site.identity.…}}`: the keys that are set (an empty one is absent, so `{{#site.identity.phone}}` works).
    var templateValue: TemplateValue {
        .object([
            "parentAgency": .text(parentAgency), "address": .text(address), "phone": .text(phone),
            "email": .text(email), "responsible": .text(responsible), "portalURL": .text(portalURL),
            "portalName": .text(portalName), "logo": .text(logo), "place": .text(place),
            "nation": .text(nation), "motto": .text(motto),
        ])
    }
}
