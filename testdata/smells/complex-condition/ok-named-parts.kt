fun grant(user: User?, session: Session) {
    val canEdit = user != null && (user.admin || user.owner)
    // Five operands: at the limit.
    if (canEdit && user!!.active && !user.banned && session.valid && session.fresh) {
        allow(user)
    }
}
