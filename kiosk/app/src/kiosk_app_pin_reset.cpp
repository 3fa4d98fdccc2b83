// KioskApp, PIN reset from the parents' sign-in: the subscriber code's digits, the one-time code
// `portal pin reset` printed (PinResetService checks it offline), then the new PIN twice. On the
// same keypad and view as the sign-in; the family then signs in with the new PIN.
#include "badgeuse/app/kiosk_app.hpp"
#include "badgeuse/core/paris_time.hpp"

namespace badgeuse::app {

void KioskApp::open_pin_reset() {
    m_reset_step = ResetStep::Subscriber;
    m_reset_subject.reset();
    m_reset_name.clear();
    m_new_pin.clear();
    m_reset_message.clear();
    m_reset_locked = false;
    m_typed.clear();
    go_to(Screen::PinReset);
}

void KioskApp::submit_pin_reset() {
    const Catalog& c = catalog();
    std::string typed = std::move(m_typed);
    m_typed.clear();
    if (typed.empty())
        return;
    switch (m_reset_step) {
    case ResetStep::Subscriber: {
        auto family = family_by_digits(typed);
        if (!family) {
            m_reset_message = c.tr("Code abonné inconnu");
            return;
        }
        m_reset_subject = Subject{SubjectKind::Family, family->id.value};
        m_reset_name = family->name;
        m_reset_message.clear();
        m_reset_step = ResetStep::Code;
        return;
    }
    case ResetStep::Code: {
        auto check = m_pin_resets->check_code(*m_reset_subject, typed);
        if (!check) {
            m_reset_message = check.error().message;
            return;
        }
        using Outcome = ResetCodeCheck::Outcome;
        switch (check->outcome) {
        case Outcome::Accepted:
            m_reset_message.clear();
            m_reset_step = ResetStep::NewPin;
            break;
        case Outcome::Wrong:
            m_reset_message = fill(c.tr("Code de réinitialisation incorrect, {count} essais restants"),
                                   {{"count", std::to_string(check->remaining)}});
            break;
        case Outcome::Expired:
            m_reset_message = c.tr("Ce code a expiré : demandez-en un nouveau à la mairie");
            break;
        case Outcome::NoReset:
            m_reset_message = c.tr("Aucune réinitialisation en cours : demandez-la à la mairie");
            break;
        case Outcome::Locked:
            m_reset_locked = true;
            m_reset_message = fill(c.tr("Trop d'essais : bloqué jusqu'à {time}"),
                                   {{"time", paris::format_hhmm(*check->locked_until)}});
            break;
        }
        return;
    }
    case ResetStep::NewPin:
        if (!is_valid_pin(typed)) {
            m_reset_message = c.tr("Le code PIN a de 4 à 6 chiffres");
            return;
        }
        m_new_pin = std::move(typed);
        m_reset_message.clear();
        m_reset_step = ResetStep::ConfirmPin;
        return;
    case ResetStep::ConfirmPin: {
        bool same = typed == m_new_pin;
        std::string pin = std::move(m_new_pin);
        m_new_pin.clear();
        if (!same) {
            m_reset_message = c.tr("Les deux codes sont différents : recommencez");
            m_reset_step = ResetStep::NewPin;
            return;
        }
        auto stored = m_pin_resets->set_pin(*m_reset_subject, pin);
        if (!stored) {
            m_reset_message = stored.error().message;
            m_reset_step = ResetStep::NewPin;
            return;
        }
        // The family signs in with the new PIN, as any other time.
        m_sign_in_kind = SubjectKind::Family;
        m_sign_in_step = SignInStep::Pin;
        m_sign_in_subject = m_reset_subject;
        m_sign_in_name = m_reset_name;
        m_sign_in_message = c.tr("Nouveau code PIN enregistré : tapez-le pour entrer");
        m_sign_in_locked = false;
        go_to(Screen::ParentSignIn);
        return;
    }
    }
}

SignInView KioskApp::pin_reset_view() const {
    const Catalog& c = catalog();
    SignInView v;
    v.title = c.tr("Nouveau code PIN");
    switch (m_reset_step) {
    case ResetStep::Subscriber:
        v.prompt = c.tr("Tapez votre code abonné (les chiffres de la fin)");
        v.prefix = kSubscriberPrefix;
        v.entry = m_typed;
        break;
    case ResetStep::Code:
        v.prompt = fill(c.tr("{name} : tapez le code de réinitialisation donné par la mairie"),
                        {{"name", m_reset_name}});
        v.entry = m_typed;
        break;
    case ResetStep::NewPin:
        v.prompt = c.tr("Choisissez un nouveau code PIN (4 à 6 chiffres)");
        v.entry = std::string(m_typed.size(), '*');
        break;
    case ResetStep::ConfirmPin:
        v.prompt = c.tr("Tapez-le une seconde fois");
        v.entry = std::string(m_typed.size(), '*');
        break;
    }
    v.message = m_reset_message;
    v.locked = m_reset_locked;
    v.back_button = c.tr("Retour");
    v.ok_button = c.tr("Valider");
    v.clear_button = c.tr("Effacer");
    return v;
}

} // namespace badgeuse::app
