fun grant(user: User?, session: Session) {
    // expect: smells/complex-condition user value=6
    if (user != null && user.active && !user.banned && (user.admin || user.owner) && session.valid) {
        allow(user)
    }
}
