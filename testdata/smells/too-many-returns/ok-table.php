<?php

function rate($order) {
    $rates = ['express' => 30, 'international' => 25, 'fragile' => 15, 'bulk' => 10];
    foreach ($rates as $flag => $rate) {
        if ($order->$flag) {
            return $rate;
        }
    }
    // Returns inside a closure are the closure's and the function's: PHP closures fold in.
    $weigh = function ($o) {
        return $o->weight > 10 ? 20 : 0;
    };
    return $weigh($order);
}
