<?php

// expect: smells/too-many-returns rate value=7
function rate($order) {
    if ($order->express) return 30;
    if ($order->international) return 25;
    if ($order->weight > 10) return 20;
    if ($order->fragile) return 15;
    if ($order->bulk) return 10;
    if ($order->coupon) return 5;
    return 0;
}
