package io.accountoauth.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A customer's account and its balance. */
@Entity
@Cacheable
@Table(name = "account")
public class Account {

    @Id
    @Column(name = "owner", length = 64)
    private String ownerUsername;

    @OneToOne(optional = false)
    @JoinColumn(name = "owner", insertable = false, updatable = false)
    private Customer owner;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal balance;

    protected Account() {
        // for JPA
    }

    public Account(Customer owner, BigDecimal balance) {
        this.ownerUsername = owner.username();
        this.owner = owner;
        this.balance = balance;
    }

    public Customer owner() {
        return owner;
    }

    public BigDecimal balance() {
        return balance;
    }
}
